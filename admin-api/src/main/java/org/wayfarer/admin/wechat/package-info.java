/** REST edge for scene QR codes of WeChat official accounts: {@code /api/v1/wechat/qrcodes}. */
package org.wayfarer.admin.wechat;
