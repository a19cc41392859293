/**
 * MyBatis-Plus adapters of the channel's stores: accounts ({@code wechat_account}) and scene QR codes
 * ({@code wechat_qrcode}, {@code wechat_qrcode_ticket}).
 */
package org.wayfarer.channel.wechat.infra.mybatis;
