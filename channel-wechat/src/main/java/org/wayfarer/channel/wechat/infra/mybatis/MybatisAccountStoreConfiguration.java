package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.channel.wechat.account.AccountStore;
import org.wayfarer.channel.wechat.subscribe.ConsentStore;

/** Wires the MyBatis-Plus account and consent stores; imported by {@code WeChatChannelConfiguration}. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = WeChatAccountMapper.class, markerInterface = BaseMapper.class)
public class MybatisAccountStoreConfiguration {

    @Bean
    AccountStore weChatAccountStore(WeChatAccountMapper mapper) {
        return new MybatisAccountStore(mapper);
    }

    @Bean
    ConsentStore weChatConsentStore(SubscribeConsentMapper mapper) {
        return new MybatisConsentStore(mapper);
    }
}
