/**
 * Adapters of the channel's stores: accounts ({@code wechat_account}), the subscription-consent ledger
 * ({@code wechat_subscribe_consent}), keyword replies ({@code wechat_keyword_reply}) and scene QR codes
 * ({@code wechat_qrcode}, {@code wechat_qrcode_ticket}).
 */
package org.wayfarer.channel.wechat.infra.mybatis;
