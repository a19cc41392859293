package org.wayfarer.admin.support;

import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wayfarer.journey.definition.JourneyCompiler;

/** The real journey compiler, knowing the channels the store-welcome example uses. */
@TestConfiguration(proxyBeanMethods = false)
public class RealCompilerConfiguration {

    @Bean
    JourneyCompiler journeyCompiler() {
        return new JourneyCompiler(Set.of("wechat.template", "wechat.coupon"), JourneyCompiler.Limits.defaults());
    }
}
