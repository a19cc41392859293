/**
 * MyBatis-Plus adapters of the channel's stores: the {@code wechat_account} table (accounts) and the
 * {@code wechat_subscribe_consent} table (the subscription-consent ledger).
 */
package org.wayfarer.channel.wechat.infra.mybatis;
