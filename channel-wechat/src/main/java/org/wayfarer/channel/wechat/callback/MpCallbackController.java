package org.wayfarer.channel.wechat.callback;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.channel.wechat.account.AppIds;
import org.wayfarer.journey.inbox.IntakeUnavailableException;

/**
 * WeChat official-account callbacks: {@code GET} for URL verification (echoes {@code echostr}), {@code POST} for pushed
 * messages and events, in plain mode or AES safe mode ({@code encrypt_type=aes}).
 *
 * <p>Answers: {@code success} (text/plain) once the event is durable (a duplicate of an accepted push, or a type the
 * engine does not consume, also gets {@code success}); 4xx with a short reason for anything wrong with the request
 * (400 malformed or missing parameters, DOCTYPE or entity references, bad XML, XML nested deeper than 32 levels, an
 * {@code Encrypt} that is not base64, not whole AES blocks or declares a length its content cannot hold, a
 * {@code CreateTime} outside [7 days ago, tolerance ahead]; 403 bad {@code signature} / {@code msg_signature}, a
 * timestamp more than the tolerance from our clock, or a plain-mode signature seen before with another body; 404
 * unknown AppID; 413 body over {@code wayfarer.wechat.max-callback-bytes}), with nothing stored. No request content,
 * however hostile, gets a 5xx.
 *
 * <p>A 5xx happens only when the engine's {@code EventIntake} fails to store the event (database down): that exception
 * is deliberately not caught, so the client sees a 500 and WeChat retries the push (it retries a failed or slow push
 * three times), and the dedupe key makes the retry harmless should the first attempt have been stored after all.
 * Answering {@code success} there would lose the event; a 4xx would tell the truth less well.
 *
 * <p>Bodies, tokens and decrypted content are never logged. No journey logic runs here.
 */
@RestController
@RequestMapping("/callbacks/wechat/mp/{appId}")
class MpCallbackController {

    private static final Logger log = LoggerFactory.getLogger(MpCallbackController.class);
    private static final String SUCCESS = "success";
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final MpCallbackHandler handler;

    MpCallbackController(MpCallbackHandler handler) {
        this.handler = handler;
    }

    @GetMapping
    ResponseEntity<String> verify(@PathVariable("appId") String appId, HttpServletRequest request) {
        try {
            Map<String, String> params = QueryParameters.parse(request.getQueryString());
            return text(200, handler.verify(appId, params));
        } catch (CallbackRejectedException e) {
            return rejected(appId, e);
        }
    }

    @PostMapping
    ResponseEntity<String> receive(@PathVariable("appId") String appId, HttpServletRequest request) {
        try {
            Map<String, String> params = QueryParameters.parse(request.getQueryString());
            try (InputStream body = request.getInputStream()) {
                handler.receive(appId, params, body, request.getContentLengthLong());
            } catch (IOException e) {
                throw CallbackRejectedException.badRequest("could not read the body");
            }
            return text(200, SUCCESS);
        } catch (CallbackRejectedException e) {
            return rejected(appId, e);
        } catch (IntakeUnavailableException e) {
            // not "success": WeChat retries the push, and the retry is deduplicated
            log.warn("callback for {} not stored in time: {}", appId, e.getMessage());
            return text(503, "retry later");
        }
    }

    private static ResponseEntity<String> rejected(String appId, CallbackRejectedException e) {
        log.debug("rejected callback for {}: {} {}", AppIds.isValid(appId) ? appId : "an invalid AppID", e.status(),
                e.reason());
        return text(e.status(), e.reason());
    }

    private static ResponseEntity<String> text(int status, String body) {
        return ResponseEntity.status(status).contentType(TEXT).body(body);
    }
}
