package org.wayfarer.channel.wechat.callback;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wayfarer.channel.wechat.account.AppIds;
import org.wayfarer.journey.inbox.IntakeUnavailableException;

/**
 * WeChat official-account callbacks at {@code /callbacks/wechat/mp/{appId}}: {@code GET} for URL verification
 * (echoes {@code echostr}), {@code POST} for pushed messages and events, in plain mode or AES safe mode
 * ({@code encrypt_type=aes}). Any other method gets 405, any other path under the mapping 404.
 *
 * <p>Answers: a passive reply (XML, encrypted in safe mode) to a text message a keyword rule matches, or else
 * {@code success} (text/plain), once the event is durable (a duplicate of an accepted push, or a type the
 * engine does not consume, also gets {@code success}); 4xx with a short reason for anything wrong with the request
 * (400 malformed or missing parameters, DOCTYPE or entity references, bad XML, XML nested deeper than 32 levels, an
 * {@code Encrypt} that is not base64, not whole AES blocks or declares a length its content cannot hold, a
 * {@code CreateTime} outside [7 days ago, tolerance ahead]; 403 bad {@code signature} / {@code msg_signature}, a
 * timestamp more than the tolerance from our clock, or a plain-mode signature seen before with another body; 404
 * unknown AppID; 413 body over {@code wayfarer.wechat.max-callback-bytes}), with nothing stored. No request content,
 * however hostile, gets a 5xx. 503 ({@code retry later}) when the intake could not store the event in time.
 *
 * <p>A 5xx also happens when the engine's {@code EventIntake} fails to store the event (database down): that
 * exception is deliberately not caught, so the client sees a 500 and WeChat retries the push (it retries a failed or
 * slow push three times), and the dedupe key makes the retry harmless should the first attempt have been stored after
 * all. Answering {@code success} there would lose the event; a 4xx would tell the truth less well.
 *
 * <p>A plain servlet rather than a Spring MVC controller: the callback is the hottest request the server takes, and
 * the dispatcher's handler lookup across every admin API mapping, argument resolution and return-value handling were a
 * quarter of the callback threads' CPU in the follow benchmark's profile. Bodies, tokens and decrypted content are
 * never logged. No journey logic runs here.
 */
final class MpCallbackServlet extends HttpServlet {

    /** Where {@link CallbackConfiguration} maps this servlet. */
    static final String MAPPING = "/callbacks/wechat/mp/*";

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(MpCallbackServlet.class);
    private static final String SUCCESS = "success";

    private final transient MpCallbackHandler handler;

    MpCallbackServlet(MpCallbackHandler handler) {
        this.handler = handler;
    }

    /** What a method does with a callback for an AppID; returns the body of a 200 answer. */
    @FunctionalInterface
    private interface Action {
        String run(String appId, Map<String, String> params, HttpServletRequest request)
                throws CallbackRejectedException;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, (appId, params, r) -> handler.verify(appId, params));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, (appId, params, r) -> {
            try (InputStream body = r.getInputStream()) {
                return handler.receive(appId, params, body, r.getContentLengthLong()).orElse(SUCCESS);
            } catch (IOException e) {
                throw CallbackRejectedException.badRequest("could not read the body");
            }
        });
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Action action)
            throws IOException {
        String appId = appId(request);
        if (appId == null) {
            text(response, 404, "not found");
            return;
        }
        try {
            text(response, 200, action.run(appId, QueryParameters.parse(request.getQueryString()), request));
        } catch (CallbackRejectedException e) {
            log.debug("rejected callback for {}: {} {}", printable(appId), e.status(), e.reason());
            text(response, e.status(), e.reason());
        } catch (IntakeUnavailableException e) {
            // not "success": WeChat retries the push, and the retry is deduplicated
            log.warn("callback for {} not stored in time: {}", printable(appId), e.getMessage());
            text(response, 503, "retry later");
        }
    }

    private static String printable(String appId) {
        return AppIds.isValid(appId) ? appId : "an invalid AppID";
    }

    /** The one path segment after the mapping, or null for none, an empty one or more than one. */
    private static String appId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            return null;
        }
        return path.substring(1);
    }

    private static void text(HttpServletResponse response, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(body.startsWith("<xml>") ? "application/xml;charset=UTF-8"
                : "text/plain;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
