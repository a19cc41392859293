package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

/** A {@code journey} row: the editable draft of a journey and its lifecycle state. Instants are epoch milliseconds. */
@TableName("journey")
public class JourneyRow {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private String journeyKey;
    private String name;
    private String draftJson;
    private Integer publishedVersion;
    private Long createdAt;
    private Long updatedAt;
    @Version
    private Integer version;
    private String status;
    private Long pausedAt;
    private Long resumedAt;

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

    public String getJourneyKey() {
        return journeyKey;
    }

    public void setJourneyKey(String journeyKey) {
        this.journeyKey = journeyKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDraftJson() {
        return draftJson;
    }

    public void setDraftJson(String draftJson) {
        this.draftJson = draftJson;
    }

    public Integer getPublishedVersion() {
        return publishedVersion;
    }

    public void setPublishedVersion(Integer publishedVersion) {
        this.publishedVersion = publishedVersion;
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

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Long getPausedAt() {
        return pausedAt;
    }

    public void setPausedAt(Long pausedAt) {
        this.pausedAt = pausedAt;
    }

    public Long getResumedAt() {
        return resumedAt;
    }

    public void setResumedAt(Long resumedAt) {
        this.resumedAt = resumedAt;
    }
}
