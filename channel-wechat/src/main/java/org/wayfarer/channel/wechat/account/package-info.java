/**
 * Connected official accounts inside the channel: their storage port, decrypted credentials, and one WxJava
 * {@code WxMpService} per account. Internal to the channel module; other modules use {@code WeChatAccounts}.
 */
package org.wayfarer.channel.wechat.account;
