package org.wayfarer.bench.probe;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that counts into {@link JdbcCounts} what its connections execute and commit, and otherwise
 * passes everything through (JDK proxies around the pool's connections and statements, so nothing else changes:
 * {@code unwrap} still reaches the pool). The cost is a reflective call per JDBC call, microseconds against the
 * milliseconds a follow costs. Thread-safe as far as the target is.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final JdbcCounts counts;

    public CountingDataSource(DataSource target, JdbcCounts counts) {
        this.target = Objects.requireNonNull(target, "target");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** The uncounted data source, for the bench's own queries. */
    public DataSource target() {
        return target;
    }

    public JdbcCounts counts() {
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(connection, counts));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    /**
     * Tracks whether the current transaction wrote, so that only commits of writing transactions are counted. A
     * connection is used by one thread at a time (the pool hands it over with a happens-before), so plain fields do.
     */
    private static final class ConnectionHandler implements InvocationHandler {

        private final Connection target;
        private final JdbcCounts counts;
        private boolean autoCommit;
        private boolean wrote;
        private Connection self;

        ConnectionHandler(Connection target, JdbcCounts counts) throws SQLException {
            this.target = target;
            this.counts = counts;
            this.autoCommit = target.getAutoCommit();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            self = (Connection) proxy;
            switch (method.getName()) {
                case "createStatement":
                    return statement(Statement.class, call(method, args), null);
                case "prepareStatement":
                    return statement(PreparedStatement.class, call(method, args), (String) args[0]);
                case "prepareCall":
                    return statement(CallableStatement.class, call(method, args), (String) args[0]);
                case "commit": {
                    Object result = call(method, args);
                    transactionEnded(true);
                    return result;
                }
                case "rollback": {
                    Object result = call(method, args);
                    if (args == null || args.length == 0) {
                        transactionEnded(false);
                    }
                    return result;
                }
                case "setAutoCommit": {
                    boolean on = (Boolean) args[0];
                    Object result = call(method, args);
                    if (on && !autoCommit) {
                        transactionEnded(true); // JDBC: switching auto-commit on commits the open transaction
                    }
                    autoCommit = on;
                    return result;
                }
                default:
                    return call(method, args);
            }
        }

        void executed(String sql) {
            boolean write = JdbcCounts.isWrite(sql);
            counts.statement(write);
            if (write) {
                if (autoCommit) {
                    counts.commit();
                } else {
                    wrote = true;
                }
            }
        }

        private void transactionEnded(boolean committed) {
            if (committed && wrote) {
                counts.commit();
            }
            wrote = false;
        }

        private Object statement(Class<?> type, Object statement, String sql) {
            return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler(statement, sql, this));
        }

        private Object call(Method method, Object[] args) throws Throwable {
            return invokeOn(target, method, args);
        }
    }

    /** Counts every execute call; the SQL is the prepared one, or the argument, or the last one batched. */
    private static final class StatementHandler implements InvocationHandler {

        private final Object target;
        private final String preparedSql;
        private final ConnectionHandler connection;
        private String batchedSql;

        StatementHandler(Object target, String preparedSql, ConnectionHandler connection) {
            this.target = target;
            this.preparedSql = preparedSql;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ("getConnection".equals(name)) {
                return connection.self;
            }
            if ("addBatch".equals(name) && args != null && args.length == 1 && args[0] instanceof String sql) {
                batchedSql = sql;
            }
            if (name.startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s
                        : preparedSql != null ? preparedSql : batchedSql;
                Object result = invokeOn(target, method, args);
                connection.executed(sql);
                return result;
            }
            return invokeOn(target, method, args);
        }
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
