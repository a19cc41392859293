package org.wayfarer.journey.event;

import java.util.Objects;

/**
 * One way of recognising a contact: an openid within an official account, a unionid, a WeCom external user id, a
 * phone number. The namespace scopes values that are only unique within an account (openid per appId, external
 * user id per corpId); it is the empty string for global identities.
 */
public record Identity(IdentityKind kind, String namespace, String value) {

    public Identity {
        Objects.requireNonNull(kind, "kind");
        namespace = namespace == null ? "" : namespace;
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("identity value must not be blank for " + kind);
        }
        if (value.length() > 128 || namespace.length() > 64) {
            throw new IllegalArgumentException("identity too long for " + kind);
        }
    }

    public static Identity wechatOpenid(String appId, String openid) {
        return new Identity(IdentityKind.WECHAT_OPENID, appId, openid);
    }

    public static Identity unionid(String unionid) {
        return new Identity(IdentityKind.UNIONID, "", unionid);
    }
}
