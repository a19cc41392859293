package org.wayfarer.channel.wechat.infra.mybatis;

import java.time.Clock;
import javax.sql.DataSource;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.keyword.KeywordStore;
import org.wayfarer.channel.wechat.subscribe.ConsentStore;

/** Wires the account, consent and keyword-reply stores; imported by {@code WeChatChannelConfiguration}. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = WeChatAccountMapper.class, markerInterface = BaseMapper.class)
public class MybatisAccountStoreConfiguration {

    @Bean
    AccountStore weChatAccountStore(WeChatAccountMapper mapper) {
        return new MybatisAccountStore(mapper);
    }

    @Bean
    KeywordStore weChatKeywordStore(DataSource dataSource, Clock clock) {
        return new JdbcKeywordStore(new JdbcTemplate(dataSource), clock);
    }

    @Bean
    ConsentStore weChatConsentStore(SubscribeConsentMapper mapper) {
        return new MybatisConsentStore(mapper);
    }
}
