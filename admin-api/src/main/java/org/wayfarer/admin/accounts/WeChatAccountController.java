package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.channel.wechat.AccountAlreadyConnectedException;
import org.wayfarer.channel.wechat.ConnectAccount;
import org.wayfarer.channel.wechat.ConnectedAccount;
import org.wayfarer.channel.wechat.WeChatAccounts;

/** Official accounts of the caller's tenant. Connecting needs an ADMIN key. */
@RestController
@RequestMapping("/api/v1/wechat/accounts")
@Tag(name = "WeChat accounts", description = "Connect official accounts and get their callback URLs")
public class WeChatAccountController {

    static final String CALLBACK_PATH = "/callbacks/wechat/mp/{appId}";

    private final WeChatAccounts accounts;

    public WeChatAccountController(WeChatAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Connect an official account",
            description = "Answers the callback URL to enter in the WeChat console; 409 when the appId is already "
                    + "connected. Secrets are never returned.")
    @ApiResponse(responseCode = "201", description = "Connected")
    public ResponseEntity<ConnectedAccountResponse> connect(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
            @RequestBody ConnectAccountRequest request) {
        requireFields(request);
        ConnectedAccount connected = accounts.connect(caller.tenantId(), new ConnectAccount(request.appId(),
                request.name(), request.secret(), request.token(), blankToNull(request.aesKey())));
        return ResponseEntity.status(HttpStatus.CREATED).body(response(connected));
    }

    @GetMapping
    @Operation(summary = "List connected official accounts")
    public List<ConnectedAccountResponse> list(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller) {
        return accounts.list(caller.tenantId()).stream().map(WeChatAccountController::response).toList();
    }

    /** The channel's own checks (appId format, AES key length) speak to the caller; nothing secret is in them. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> rejected(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage() == null ? "The account details are not valid." : e.getMessage()));
    }

    @ExceptionHandler(AccountAlreadyConnectedException.class)
    ResponseEntity<ProblemDetail> alreadyConnected(AccountAlreadyConnectedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This official account is already connected."));
    }

    /** Absolute, from the request as it arrived, so it shows the host and scheme WeChat must call. */
    private static ConnectedAccountResponse response(ConnectedAccount account) {
        String callbackUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH)
                .buildAndExpand(account.appId()).toUriString();
        return new ConnectedAccountResponse(account.appId(), account.name(), account.safeMode(),
                account.connectedAt(), callbackUrl);
    }

    private static void requireFields(ConnectAccountRequest request) {
        List<String> missing = new ArrayList<>();
        if (blank(request.appId())) {
            missing.add("appId");
        }
        if (blank(request.name())) {
            missing.add("name");
        }
        if (blank(request.secret())) {
            missing.add("secret");
        }
        if (blank(request.token())) {
            missing.add("token");
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("Missing required field(s): " + String.join(", ", missing) + ".");
        }
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
