package org.wayfarer.admin.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.channel.wechat.UnknownAccountException;
import org.wayfarer.channel.wechat.WeChatApiException;
import org.wayfarer.channel.wechat.menu.WeChatMenus;

/**
 * Custom menus of the caller's official accounts, in WeChat's own JSON: the default menu, and conditional menus for
 * followers with a WeChat user tag ({@code matchrule.tag_id}).
 */
@RestController
@RequestMapping("/api/v1/wechat/accounts/{appId}")
@Tag(name = "WeChat accounts")
public class WeChatMenuController {

    private final WeChatMenus menus;

    public WeChatMenuController(WeChatMenus menus) {
        this.menus = menus;
    }

    @GetMapping(path = "/menu", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The account's menus as WeChat returns them (menu and conditionalmenu)")
    public String current(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                          @PathVariable String appId) {
        return menus.current(caller.tenantId(), appId);
    }

    @PutMapping(path = "/menu", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the default menu", description = "WeChat's menu JSON: {\"button\": [...]}, 1 to 3 "
            + "buttons of at most 5 sub-buttons; 502 when WeChat refuses it (its errcode in the problem)")
    public ResponseEntity<Void> replaceDefault(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                               @PathVariable String appId, @RequestBody String menu) {
        menus.replaceDefault(caller.tenantId(), appId, menu);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/menus/conditional", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a conditional menu", description = "WeChat's menu JSON with a matchrule, e.g. "
            + "{\"tag_id\": \"101\"}: followers with that WeChat user tag see it; answers WeChat's menu id")
    public ResponseEntity<Map<String, String>> addConditional(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable String appId,
            @RequestBody String menu) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("menuId", menus.addConditional(caller.tenantId(), appId, menu)));
    }

    @DeleteMapping("/menus/conditional/{menuId}")
    @Operation(summary = "Delete a conditional menu")
    public ResponseEntity<Void> deleteConditional(@Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller,
                                                  @PathVariable String appId, @PathVariable String menuId) {
        menus.deleteConditional(caller.tenantId(), appId, menuId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UnknownAccountException.class)
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.getMessage()));
    }

    /** WeChat refused the menu: the caller sees WeChat's errcode, nothing on our side changed. */
    @ExceptionHandler(WeChatApiException.class)
    ResponseEntity<ProblemDetail> refused(WeChatApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setProperty("errcode", e.errcode());
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }
}
