package org.wayfarer.channel.wechat.qrcode;

/**
 * One problem with a create command.
 *
 * @param field   the command's field ({@code appId}, {@code scene}, ...)
 * @param code    stable machine-readable code ({@code required}, {@code too-long}, {@code reserved}, ...)
 * @param message what is wrong and how to fix it; never quotes the submitted value
 */
public record QrCodeProblem(String field, String code, String message) {
}
