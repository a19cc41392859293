package org.wayfarer.admin.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title, conventions and the bearer API-key scheme that every admin operation requires. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    static final String DESCRIPTION = """
            Configure Wayfarer: connect WeChat official accounts, write and publish journeys, look up contacts.

            * **Authentication**: every operation needs `Authorization: Bearer <api key>`. Roles: VIEWER reads, \
            OPERATOR also writes journeys, ADMIN also connects accounts. A missing or wrong key gets 401, a key \
            without the role 403; another tenant's id gets 404.
            * **Ids** are 64-bit integers sent as JSON **strings** (e.g. `"7243519830371356672"`): JavaScript \
            numbers cannot hold them exactly. Path parameters take the same digits.
            * **Times** are ISO-8601 instants in UTC.
            * **Errors** are `application/problem+json` (RFC 7807); an invalid journey adds an `errors` array of \
            `{pointer, code, message}`.
            """;

    @Bean
    OpenAPI wayfarerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Wayfarer admin API").version("v1").description(DESCRIPTION))
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key of your tenant, e.g. the one printed at first start")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
    }
}
