package org.wayfarer.journey.infra.spring;

import com.baomidou.mybatisplus.core.incrementer.DefaultIdentifierGenerator;
import org.wayfarer.journey.IdGenerator;

/**
 * {@link IdGenerator} on MyBatis-Plus's snowflake ({@link DefaultIdentifierGenerator}): 41 bits of milliseconds, 5 of
 * datacenter, 5 of worker, 12 of sequence, so ids grow with time and two generators with different (datacenter,
 * worker) pairs never collide. Thread-safe.
 */
public final class SnowflakeIdGenerator implements IdGenerator {

    private final DefaultIdentifierGenerator snowflake;

    /** Datacenter and worker derived from this host's network address and process id (MyBatis-Plus's default). */
    public SnowflakeIdGenerator() {
        this.snowflake = new DefaultIdentifierGenerator();
    }

    /** Fixed datacenter and worker, each 0..31: set them per node when a cluster must be collision-free for sure. */
    public SnowflakeIdGenerator(long workerId, long datacenterId) {
        if (workerId < 0 || workerId > 31 || datacenterId < 0 || datacenterId > 31) {
            throw new IllegalArgumentException("worker and datacenter ids must be 0..31, were " + workerId + " and "
                    + datacenterId);
        }
        this.snowflake = new DefaultIdentifierGenerator(workerId, datacenterId);
    }

    @Override
    public long nextId() {
        return snowflake.nextId(null);
    }
}
