package org.wayfarer.admin.wechat;

import java.util.List;

/** One page of QR codes, oldest first; {@code nextCursor} is null on the last page. */
public record QrCodePageResponse(List<QrCodeResponse> items, String nextCursor) {
}
