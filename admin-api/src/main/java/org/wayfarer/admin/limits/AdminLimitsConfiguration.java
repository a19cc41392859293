package org.wayfarer.admin.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wayfarer.admin.problem.ProblemJson;
import tools.jackson.databind.json.JsonMapper;

/** The admin API's request limits ({@link AdminLimitsProperties}): the body cap filter and the JSON parser limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminLimitsProperties.class)
public class AdminLimitsConfiguration {

    /**
     * Before every filter that could read a body (Spring's FormContentFilter is at -9900) and before Spring Security
     * (-100): an oversized request is refused before it costs a key lookup.
     */
    static final int BODY_LIMIT_ORDER = -10_000;

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> adminRequestBodyLimit(AdminLimitsProperties limits,
                                                                         JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.maxBodySize().toBytes(), new ProblemJson(json)));
        // the admin API only: channel callbacks check their own bodies (wayfarer.wechat.max-callback-bytes)
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer adminJsonReadLimits(AdminLimitsProperties limits) {
        return new JsonReadLimits(limits.json());
    }
}
