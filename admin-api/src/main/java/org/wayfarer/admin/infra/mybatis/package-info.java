/** MyBatis-Plus adapters for the admin tables {@code tenant} and {@code api_key}. */
package org.wayfarer.admin.infra.mybatis;
