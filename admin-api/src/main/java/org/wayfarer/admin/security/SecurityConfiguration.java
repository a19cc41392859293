package org.wayfarer.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.wayfarer.admin.problem.ProblemJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * URL security of the whole server. The admin API takes bearer API keys and nothing else: stateless, no sessions, no
 * CSRF (no cookies to ride on), no login page. Channel callbacks, health, metrics and the API docs are public; the
 * callbacks authenticate themselves (WeChat signatures).
 *
 * <p>Rules under {@code /api/v1}: reads need VIEWER; writing journeys (also from a recipe), recording events,
 * creating and refreshing segments, and creating and retiring QR codes need OPERATOR;
 * connecting channel accounts and every write not listed needs ADMIN, so a new endpoint is locked down until it
 * gets its own rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/callbacks/**", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"
    };

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, AuthenticationManager apiKeyAuthenticationManager,
                                               JsonMapper jsonMapper) throws Exception {
        ProblemJson problems = new ProblemJson(jsonMapper);
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeyAuthenticationManager),
                        AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/wechat/accounts").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/journeys", "/api/v1/journeys/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/journeys/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/events", "/api/v1/events/*/retry")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/segments", "/api/v1/segments/*/refresh")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/recipes/*/journeys").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/wechat/accounts/*/keyword-replies",
                                "/api/v1/wechat/accounts/*/menu").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/wechat/accounts/*/menus/conditional/**")
                        .hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/wechat/qrcodes").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/wechat/qrcodes/*").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * Channel callbacks bypass the filter chain altogether: WeChat authenticates them with its own signatures
     * (checked by the channel), they carry no session, cookie or browser, and at thousands of callbacks a second the
     * chain's per-request work is a large share of a callback's CPU.
     */
    @Bean
    WebSecurityCustomizer callbacksBypassTheFilterChain() {
        return web -> web.ignoring().requestMatchers("/callbacks/**");
    }

    /**
     * The only authentication there is. Being a bean also keeps Spring Boot from creating its default user with a
     * generated password.
     */
    @Bean
    AuthenticationManager apiKeyAuthenticationManager(ApiKeyStore apiKeys) {
        return new ProviderManager(new ApiKeyAuthenticationProvider(apiKeys));
    }
}
