package org.wayfarer.journey.event;

/** The kinds of identity a contact can be found by. */
public enum IdentityKind {
    WECHAT_OPENID,
    UNIONID,
    WECOM_EXTERNAL_USERID,
    PHONE,
    EMAIL,
    /** An id assigned by the brand's own system (member system, shop). */
    EXTERNAL
}
