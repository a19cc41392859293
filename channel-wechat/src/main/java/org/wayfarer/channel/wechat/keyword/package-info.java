/** Keyword replies: a follower's text message answered inside the callback response by the account's rules. */
package org.wayfarer.channel.wechat.keyword;
