/** MyBatis-Plus adapter of the account store: the {@code wechat_account} table. */
package org.wayfarer.channel.wechat.infra.mybatis;
