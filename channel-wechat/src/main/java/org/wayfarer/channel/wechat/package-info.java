/** WeChat official-account channel: callbacks into contact events, WxJava senders out. */
package org.wayfarer.channel.wechat;
