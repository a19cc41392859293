package org.wayfarer.admin.openapi;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.configuration.SpringDocSecurityConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.wayfarer.admin.support.AdminApiTest;

/** The OpenAPI document is public and describes the admin API, its bearer scheme and string ids. */
@AdminApiTest
@Import(OpenApiConfiguration.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
    SpringDocSecurityConfiguration.class, SpringDocWebMvcConfiguration.class})
class OpenApiIT {

    @Autowired
    private MockMvc mvc;

    @Test
    void servesTheAdminApiDescriptionWithoutAKey() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Wayfarer admin API"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0].apiKey").exists())
                .andExpect(jsonPath("$.paths['/api/v1/journeys'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/journeys/{id}/stats'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/contacts/{id}/timeline'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/wechat/accounts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/wechat/qrcodes'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/wechat/qrcodes'].post.responses['502']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/wechat/qrcodes'].get.parameters[*].name",
                        contains("appId", "cursor", "limit")))
                .andExpect(jsonPath("$.paths['/api/v1/wechat/qrcodes/{id}'].delete").exists())
                .andExpect(jsonPath("$.components.schemas.QrCodeResponse.properties.id.type").value("string"))
                .andExpect(jsonPath("$.paths['/api/v1/segments'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/segments/{key}/count'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/segments/{key}/refresh'].post.responses['202']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/recipes'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/recipes/{key}/journeys'].post.responses['201']").exists())
                .andExpect(jsonPath("$.components.schemas.JourneySummaryResponse.properties.id.type")
                        .value("string"))
                .andExpect(jsonPath("$.components.schemas.JourneyResponse.properties.definition.type")
                        .value("object"))
                .andExpect(jsonPath("$.components.schemas.JourneyStatsResponse.properties.failed.type")
                        .value("integer"))
                .andExpect(jsonPath("$.paths['/api/v1/journeys'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/journeys'].get.parameters[*].name", contains("status")))
                .andExpect(jsonPath("$.paths['/api/v1/journeys/{id}/pause'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/journeys/{id}/archive'].post.parameters[*].name",
                        contains("id")))
                .andExpect(jsonPath("$.paths['/api/v1/journeys/{id}/preview'].post.tags", contains("Journeys")))
                .andExpect(jsonPath("$.paths['/api/v1/journeys/{id}/preview'].post.responses['200'].content.*"
                        + ".schema['$ref']").value(hasItem("#/components/schemas/PreviewResponse")))
                .andExpect(jsonPath("$.paths['/callbacks/wechat/mp/{appId}']").doesNotExist())
                .andExpect(jsonPath("$.tags[*].name", hasItem("Journeys")))
                .andExpect(jsonPath("$.tags[*].name", hasItem("Recipes")));
    }
}
