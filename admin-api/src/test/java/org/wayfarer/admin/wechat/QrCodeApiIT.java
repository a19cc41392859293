package org.wayfarer.admin.wechat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wayfarer.admin.support.TestKeys.bearer;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wayfarer.admin.support.AdminApiTest;
import org.wayfarer.admin.support.TestKeys;
import org.wayfarer.channel.wechat.qrcode.CreateQrCode;
import org.wayfarer.channel.wechat.qrcode.InvalidQrCodeException;
import org.wayfarer.channel.wechat.qrcode.PermanentQrCodeLimitException;
import org.wayfarer.channel.wechat.qrcode.QrCode;
import org.wayfarer.channel.wechat.qrcode.QrCodeNotFoundException;
import org.wayfarer.channel.wechat.qrcode.QrCodePage;
import org.wayfarer.channel.wechat.qrcode.QrCodeProblem;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.channel.wechat.qrcode.SceneTakenException;
import org.wayfarer.channel.wechat.qrcode.WeChatQrCodeException;

/**
 * The REST edge of scene QR codes: roles, the JSON shape (string ids), and each channel outcome as its problem. The
 * channel's QrCodes is a mock here; the real thing behind the API is covered by {@code e2e/QrCodesEndToEndIT}.
 */
@AdminApiTest
class QrCodeApiIT {

    private static final String APP_ID = "wx1234567890abcdef";
    private static final long ID = 7_243_519_830_371_356_673L;
    private static final long JOURNEY = 7_243_519_830_371_356_999L;
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final QrCode CODE = new QrCode(ID, APP_ID, "store_001", true, "TICKET==",
            "http://weixin.qq.com/q/abc", "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=TICKET%3D%3D",
            AT.plusSeconds(2_592_000), JOURNEY, 12, 3, 1, AT, null);

    @Autowired
    private MockMvc mvc;
    @Autowired
    private QrCodes qrCodes;

    @Test
    void createsACodeAndAnswers201WithStringIdsAndALocation() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenReturn(CODE);

        create(TestKeys.OPERATOR, """
                {"appId": "%s", "scene": "store_001", "temporary": true, "expiresIn": 2592000,
                 "journeyId": "%d"}""".formatted(APP_ID, JOURNEY))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost/api/v1/wechat/qrcodes/" + ID))
                .andExpect(jsonPath("$.id").value(Long.toString(ID)))
                .andExpect(jsonPath("$.appId").value(APP_ID))
                .andExpect(jsonPath("$.scene").value("store_001"))
                .andExpect(jsonPath("$.temporary").value(true))
                .andExpect(jsonPath("$.ticket").value("TICKET=="))
                .andExpect(jsonPath("$.url").value("http://weixin.qq.com/q/abc"))
                .andExpect(jsonPath("$.imageUrl").value(CODE.imageUrl()))
                .andExpect(jsonPath("$.expiresAt").value("2026-03-31T08:00:00Z"))
                .andExpect(jsonPath("$.journeyId").value(Long.toString(JOURNEY)))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T08:00:00Z"))
                .andExpect(jsonPath("$.retiredAt").value((Object) null));
        verify(qrCodes).create(TestKeys.TENANT, new CreateQrCode(APP_ID, "store_001", true, 2_592_000, JOURNEY));
    }

    @Test
    void takesAJourneyIdAsANumberTooAndHandsTheChannelAnUnusableOneAsInvalid() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenReturn(CODE);

        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": false, \"journeyId\": 42}"
                .formatted(APP_ID)).andExpect(status().isCreated());
        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": false, \"journeyId\": \"x\"}"
                .formatted(APP_ID)).andExpect(status().isCreated());

        verify(qrCodes).create(TestKeys.TENANT, new CreateQrCode(APP_ID, "s", false, null, 42L));
        verify(qrCodes).create(TestKeys.TENANT, new CreateQrCode(APP_ID, "s", false, null, 0L));
    }

    @Test
    void answersMalformedFieldsWith400ListingEachAtItsPointer() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenThrow(new InvalidQrCodeException(List.of(
                new QrCodeProblem("scene", "too-long", "scene must be at most 64 characters (WeChat's limit)"),
                new QrCodeProblem("expiresIn", "out-of-range", "expiresIn must be 60 to 2592000 seconds")), false));

        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true}".formatted(APP_ID))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid QR code"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].pointer").value("/scene"))
                .andExpect(jsonPath("$.errors[0].code").value("too-long"))
                .andExpect(jsonPath("$.errors[1].pointer").value("/expiresIn"));
    }

    @Test
    void answersAnAccountOrJourneyTheTenantDoesNotHaveWith422() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenThrow(new InvalidQrCodeException(List.of(
                new QrCodeProblem("journeyId", "unknown-journey", "your tenant has no journey with this id")), true));

        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true, \"journeyId\": \"9\"}"
                .formatted(APP_ID))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].pointer").value("/journeyId"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-journey"));
    }

    @Test
    void answersATakenSceneAndAFullAccountWith409() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenThrow(new SceneTakenException(ID))
                .thenThrow(new PermanentQrCodeLimitException(100_000));

        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true}".formatted(APP_ID))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.existingId").value(Long.toString(ID)));
        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": false}".formatted(APP_ID))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.limit").value(100_000))
                .andExpect(jsonPath("$.detail").value(containsString("100000 permanent")));
    }

    @Test
    void answersAWeChatRefusalWith502NamingTheErrcode() throws Exception {
        when(qrCodes.create(anyLong(), any())).thenThrow(new WeChatQrCodeException(45009,
                "WeChat answered errcode 45009 (reach max api daily quota limit)"))
                .thenThrow(new WeChatQrCodeException(null, "WeChat could not be reached (ConnectException)"));

        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true}".formatted(APP_ID))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errcode").value(45009))
                .andExpect(jsonPath("$.detail").value(containsString("errcode 45009")));
        create(TestKeys.OPERATOR, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true}".formatted(APP_ID))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.errcode").value((Object) null));
    }

    @Test
    void needsAnOperatorToCreateOrRetireAndAViewerToRead() throws Exception {
        create(TestKeys.VIEWER, "{\"appId\": \"%s\", \"scene\": \"s\", \"temporary\": true}".formatted(APP_ID))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/wechat/qrcodes/" + ID).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/wechat/qrcodes")).andExpect(status().isUnauthorized());
        verifyNoInteractions(qrCodes);

        when(qrCodes.retire(TestKeys.TENANT, ID)).thenReturn(CODE);
        mvc.perform(delete("/api/v1/wechat/qrcodes/" + ID)
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(Long.toString(ID)));
    }

    @Test
    void listsAPageWithCountsAndTheNextCursor() throws Exception {
        when(qrCodes.list(TestKeys.TENANT, APP_ID, 5L, 2)).thenReturn(new QrCodePage(List.of(CODE), ID));

        mvc.perform(get("/api/v1/wechat/qrcodes?appId=%s&cursor=5&limit=2".formatted(APP_ID))
                        .header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].follows").value(12))
                .andExpect(jsonPath("$.items[0].scans").value(3))
                .andExpect(jsonPath("$.items[0].reissues").value(1))
                .andExpect(jsonPath("$.nextCursor").value(Long.toString(ID)));
    }

    @Test
    void refusesABadLimitCursorOrAppIdWith400() throws Exception {
        when(qrCodes.list(anyLong(), any(), any(), anyInt()))
                .thenThrow(new IllegalArgumentException("appId must be 'wx' followed by 16 hexadecimal digits"));

        read("/api/v1/wechat/qrcodes?limit=201").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'limit' must be between 1 and 200."));
        read("/api/v1/wechat/qrcodes?cursor=abc").andExpect(status().isBadRequest());
        read("/api/v1/wechat/qrcodes?appId=wx1").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("'appId' must be 'wx' followed by 16 hexadecimal digits."));
    }

    @Test
    void answersAnotherTenantsOrAnUnknownIdWith404() throws Exception {
        when(qrCodes.get(TestKeys.TENANT, ID)).thenThrow(new QrCodeNotFoundException(ID));

        read("/api/v1/wechat/qrcodes/" + ID).andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No QR code " + ID + "."));
    }

    @Test
    void refusesMalformedJsonWithoutCallingTheChannel() throws Exception {
        create(TestKeys.OPERATOR, "{\"appId\": ").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(qrCodes);
    }

    private ResultActions create(String key, String json) throws Exception {
        return mvc.perform(post("/api/v1/wechat/qrcodes").header(HttpHeaders.AUTHORIZATION, bearer(key))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer(TestKeys.VIEWER)));
    }
}
