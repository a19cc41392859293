package org.wayfarer.admin.contacts;

import java.util.ArrayList;
import java.util.List;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.journey.event.Identity;
import org.wayfarer.journey.event.IdentityKind;

/**
 * One contact identity as API clients give it (query parameters or a JSON object): exactly one of appId+openid,
 * unionid, phone, email, externalUserId+corpId.
 */
public record IdentityRequest(String appId, String openid, String unionid, String phone, String email,
                              String externalUserId, String corpId) {

    /** The one identity given, or a 400 problem naming what is missing or extra. */
    public Identity toIdentity() {
        List<Identity> given = new ArrayList<>();
        try {
            if (present(openid)) {
                given.add(Identity.wechatOpenid(required(appId, "appId", "openid"), openid));
            } else if (present(appId)) {
                throw new InvalidRequestException("'appId' needs 'openid'.");
            }
            if (present(unionid)) {
                given.add(Identity.unionid(unionid));
            }
            if (present(phone)) {
                given.add(new Identity(IdentityKind.PHONE, "", phone));
            }
            if (present(email)) {
                given.add(new Identity(IdentityKind.EMAIL, "", email));
            }
            if (present(externalUserId)) {
                given.add(new Identity(IdentityKind.WECOM_EXTERNAL_USERID,
                        required(corpId, "corpId", "externalUserId"), externalUserId));
            } else if (present(corpId)) {
                throw new InvalidRequestException("'corpId' needs 'externalUserId'.");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The identity is not valid: " + e.getMessage() + ".");
        }
        if (given.size() != 1) {
            throw new InvalidRequestException("Give exactly one identity: appId+openid, unionid, phone, email or "
                    + "externalUserId+corpId.");
        }
        return given.get(0);
    }

    private static String required(String value, String name, String forName) {
        if (!present(value)) {
            throw new InvalidRequestException("'" + forName + "' needs '" + name + "'.");
        }
        return value;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
