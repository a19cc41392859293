package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.channel.wechat.account.AccountStore;

/** Wires the MyBatis-Plus account store; imported by {@code WeChatChannelConfiguration}. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = WeChatAccountMapper.class, markerInterface = BaseMapper.class)
public class MybatisAccountStoreConfiguration {

    @Bean
    AccountStore weChatAccountStore(WeChatAccountMapper mapper) {
        return new MybatisAccountStore(mapper);
    }
}
