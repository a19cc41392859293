package org.wayfarer.channel.wechat.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * One row of {@code wechat_qrcode}; instants are epoch milliseconds. {@code liveScene} is the scene while the code is
 * live and {@code null} once retired, so the unique key (app_id, live_scene) holds for live codes only.
 */
@TableName("wechat_qrcode")
public class WeChatQrCodeRow {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private String appId;
    private String scene;
    private String liveScene;
    private Boolean isTemporary;
    private Integer expiresIn;
    private String ticket;
    private String url;
    private String imageUrl;
    private Long issuedAt;
    private Long expiresAt;
    private Long renewAt;
    private Long journeyId;
    private Long follows;
    private Long scans;
    private Integer reissues;
    private Long createdAt;
    private Long updatedAt;
    private Long retiredAt;

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

    public String getScene() {
        return scene;
    }

    public void setScene(String scene) {
        this.scene = scene;
    }

    public String getLiveScene() {
        return liveScene;
    }

    public void setLiveScene(String liveScene) {
        this.liveScene = liveScene;
    }

    public Boolean getIsTemporary() {
        return isTemporary;
    }

    public void setIsTemporary(Boolean isTemporary) {
        this.isTemporary = isTemporary;
    }

    public Integer getExpiresIn() {
        return expiresIn;
    }

    public void setExpiresIn(Integer expiresIn) {
        this.expiresIn = expiresIn;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public Long getIssuedAt() {
        return issuedAt;
    }

    public void setIssuedAt(Long issuedAt) {
        this.issuedAt = issuedAt;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getRenewAt() {
        return renewAt;
    }

    public void setRenewAt(Long renewAt) {
        this.renewAt = renewAt;
    }

    public Long getJourneyId() {
        return journeyId;
    }

    public void setJourneyId(Long journeyId) {
        this.journeyId = journeyId;
    }

    public Long getFollows() {
        return follows;
    }

    public void setFollows(Long follows) {
        this.follows = follows;
    }

    public Long getScans() {
        return scans;
    }

    public void setScans(Long scans) {
        this.scans = scans;
    }

    public Integer getReissues() {
        return reissues;
    }

    public void setReissues(Integer reissues) {
        this.reissues = reissues;
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

    public Long getRetiredAt() {
        return retiredAt;
    }

    public void setRetiredAt(Long retiredAt) {
        this.retiredAt = retiredAt;
    }
}
