package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One row of {@code wechat_account}; instants are epoch milliseconds, credentials are SecretCipher output. */
@TableName("wechat_account")
public class WeChatAccountRow {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private String appId;
    private String name;
    private String secretEnc;
    private String tokenEnc;
    private String aesKeyEnc;
    private Long createdAt;
    private Long updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSecretEnc() {
        return secretEnc;
    }

    public void setSecretEnc(String secretEnc) {
        this.secretEnc = secretEnc;
    }

    public String getTokenEnc() {
        return tokenEnc;
    }

    public void setTokenEnc(String tokenEnc) {
        this.tokenEnc = tokenEnc;
    }

    public String getAesKeyEnc() {
        return aesKeyEnc;
    }

    public void setAesKeyEnc(String aesKeyEnc) {
        this.aesKeyEnc = aesKeyEnc;
    }

    public Long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Long updatedAt) {
        this.updatedAt = updatedAt;
    }
}
