package org.wayfarer.admin.wechat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.problem.PageParameters;
import org.wayfarer.admin.problem.RequestProblems;
import org.wayfarer.admin.problem.ValidationProblemResponse;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.channel.wechat.qrcode.CreateQrCode;
import org.wayfarer.channel.wechat.qrcode.InvalidQrCodeException;
import org.wayfarer.channel.wechat.qrcode.PermanentQrCodeLimitException;
import org.wayfarer.channel.wechat.qrcode.QrCodeNotFoundException;
import org.wayfarer.channel.wechat.qrcode.QrCodePage;
import org.wayfarer.channel.wechat.qrcode.QrCodes;
import org.wayfarer.channel.wechat.qrcode.SceneTakenException;
import org.wayfarer.channel.wechat.qrcode.WeChatQrCodeException;

/**
 * Scene QR codes of the caller's tenant's official accounts. Creating and retiring need an OPERATOR key, reading a
 * VIEWER key. Problems: 400 for malformed fields (every one listed in {@code errors}), 422 for an account or journey
 * the tenant does not have, 409 for a scene a live code already has or an account at its permanent-code limit, 502
 * when WeChat refused or could not be reached (with its {@code errcode}); nothing is stored in any of these cases.
 */
@RestController
@RequestMapping("/api/v1/wechat/qrcodes")
@Tag(name = "WeChat QR codes", description = "Scene QR codes: create, list with follows and scans, retire")
public class QrCodeController {

    private final QrCodes qrCodes;

    public QrCodeController(QrCodes qrCodes) {
        this.qrCodes = qrCodes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a scene QR code",
            description = "Asks WeChat for a ticket (temporary: QR_STR_SCENE, permanent: QR_LIMIT_STR_SCENE) and "
                    + "stores the code. Journeys triggered by wechat.followed or wechat.qr_scanned see the scene as "
                    + "event.scene. Temporary codes are re-issued before they expire: take imageUrl or url from the "
                    + "API again rather than printing them.")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new code")
    @ApiResponse(responseCode = "400", description = "Malformed fields, each in 'errors'")
    @ApiResponse(responseCode = "409", description = "The scene is taken, or the account holds the most permanent "
            + "codes WeChat allows")
    @ApiResponse(responseCode = "422", description = "The account is not connected to your tenant, or the journey "
            + "is not yours")
    @ApiResponse(responseCode = "502", description = "WeChat did not issue a ticket; 'errcode' holds WeChat's code")
    public ResponseEntity<QrCodeResponse> create(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                                 @RequestBody CreateQrCodeRequest request) {
        if (request == null) {
            throw new InvalidRequestException("A JSON body {appId, scene, temporary, expiresIn?, journeyId?} is "
                    + "required.");
        }
        QrCodeResponse created = QrCodeResponse.of(qrCodes.create(caller.tenantId(), new CreateQrCode(
                request.appId(), request.scene(), request.temporary(), request.expiresIn(),
                journeyId(request.journeyId()))));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping
    @Operation(summary = "List the tenant's QR codes, oldest first",
            description = "Live and retired codes, each with its exact follows and scans. Paginated with 'limit' "
                    + "(1 to " + QrCodes.MAX_PAGE + ", default 50) and the previous page's 'nextCursor'; 'appId' "
                    + "keeps one account's codes.")
    public QrCodePageResponse list(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                   @RequestParam(required = false) String appId,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false, defaultValue = "50") String limit) {
        Long after = PageParameters.cursor(cursor);
        int size = PageParameters.limit(limit, QrCodes.MAX_PAGE);
        QrCodePage page;
        try {
            page = qrCodes.list(caller.tenantId(), appId, after, size);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'appId' must be 'wx' followed by 16 hexadecimal digits.");
        }
        return new QrCodePageResponse(page.items().stream().map(QrCodeResponse::of).toList(),
                page.nextCursor() == null ? null : Long.toString(page.nextCursor()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a QR code with its follows and scans")
    public QrCodeResponse get(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                              @PathVariable long id) {
        return QrCodeResponse.of(qrCodes.get(caller.tenantId(), id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire a QR code",
            description = "It is no longer re-issued or counted and its scene is free for a new code. WeChat cannot "
                    + "revoke a ticket: the current one keeps working until it expires (a permanent one for ever, "
                    + "and it still counts towards the account's 100,000). Retiring twice changes nothing.")
    @ApiResponse(responseCode = "200", description = "Retired; the code as it is now")
    public QrCodeResponse retire(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                 @PathVariable long id) {
        return QrCodeResponse.of(qrCodes.retire(caller.tenantId(), id));
    }

    @ExceptionHandler(InvalidQrCodeException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQrCodeException e) {
        List<ValidationProblemResponse> errors = e.problems().stream().map(p -> new ValidationProblemResponse(
                p.field().isEmpty() ? "" : RequestProblems.child("", p.field()), p.code(), p.message())).toList();
        HttpStatus status = e.unresolved() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.unresolved()
                ? "The QR code names something your tenant does not have; see 'errors'. Nothing was created."
                : "The QR code has " + errors.size() + " problem(s); see 'errors'. Nothing was created.");
        problem.setTitle(e.unresolved() ? "Unknown reference" : "Invalid QR code");
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(SceneTakenException.class)
    ResponseEntity<ProblemDetail> sceneTaken(SceneTakenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A live QR code of this "
                + "official account already has this scene; retire it first or choose another scene.");
        problem.setTitle("Scene taken");
        if (e.existingId() != 0) {
            problem.setProperty("existingId", Long.toString(e.existingId()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(PermanentQrCodeLimitException.class)
    ResponseEntity<ProblemDetail> permanentLimit(PermanentQrCodeLimitException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This official account "
                + "already holds " + e.limit() + " permanent QR codes, the most allowed (retired ones count: WeChat "
                + "never frees one). Create a temporary code instead.");
        problem.setTitle("Permanent QR code limit reached");
        problem.setProperty("limit", e.limit());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(WeChatQrCodeException.class)
    ResponseEntity<ProblemDetail> weChatFailed(WeChatQrCodeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "WeChat did not create "
                + "the QR code: " + e.getMessage() + ". Nothing was stored.");
        problem.setTitle("WeChat refused");
        problem.setProperty("errcode", e.errcode());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    @ExceptionHandler(QrCodeNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(QrCodeNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No QR code " + e.id() + "."));
    }

    /**
     * Ids travel as strings; one that is no id becomes 0, which the channel reports as an invalid journeyId together
     * with any other problem of the request.
     */
    private static Long journeyId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }
}
