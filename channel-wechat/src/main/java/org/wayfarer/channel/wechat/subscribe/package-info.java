/**
 * Subscription messages (订阅通知) consent: the ledger of what each follower granted and refused per template, recorded
 * from WeChat's pushes and from what sends learn, and the check the {@code wechat.subscribe} sender asks before a
 * message may go.
 */
package org.wayfarer.channel.wechat.subscribe;
