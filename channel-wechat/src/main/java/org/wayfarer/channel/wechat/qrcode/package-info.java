/**
 * Scene QR codes of official accounts: creating them through WxJava's {@code WxMpQrcodeService}, the follows and
 * scans each one brought (tallied in the intake's own transaction, so they agree exactly with the event log), and
 * re-issuing temporary codes before they expire. The store port's adapter is in {@code infra/mybatis}.
 */
package org.wayfarer.channel.wechat.qrcode;
