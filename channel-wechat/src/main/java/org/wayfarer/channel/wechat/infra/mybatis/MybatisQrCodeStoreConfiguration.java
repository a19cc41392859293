package org.wayfarer.channel.wechat.infra.mybatis;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wayfarer.channel.wechat.qrcode.QrCodeStore;

/**
 * Wires the MyBatis-Plus QR code store; imported by {@code WeChatQrCodeConfiguration}. The mapper is registered by
 * {@link MybatisAccountStoreConfiguration}'s scan of this package.
 */
@Configuration(proxyBeanMethods = false)
public class MybatisQrCodeStoreConfiguration {

    @Bean
    QrCodeStore weChatQrCodeStore(WeChatQrCodeMapper mapper, DataSource dataSource,
                                  PlatformTransactionManager transactionManager) {
        return new MybatisQrCodeStore(mapper, new JdbcTemplate(dataSource),
                new TransactionTemplate(transactionManager));
    }
}
