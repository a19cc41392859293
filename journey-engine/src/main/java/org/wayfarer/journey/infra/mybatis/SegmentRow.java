package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A {@code segment} row: a saved segment and its refresh bookkeeping. Instants are epoch milliseconds. */
@TableName("segment")
public class SegmentRow {
    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private String segmentKey;
    private String name;
    private String filterJson;
    private Long createdAt;
    private Long updatedAt;
    private Integer version;
    private Long refreshSeq;
    private Long refreshedAt;

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

    public String getSegmentKey() {
        return segmentKey;
    }

    public void setSegmentKey(String segmentKey) {
        this.segmentKey = segmentKey;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFilterJson() {
        return filterJson;
    }

    public void setFilterJson(String filterJson) {
        this.filterJson = filterJson;
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

    public Long getRefreshSeq() {
        return refreshSeq;
    }

    public void setRefreshSeq(Long refreshSeq) {
        this.refreshSeq = refreshSeq;
    }

    public Long getRefreshedAt() {
        return refreshedAt;
    }

    public void setRefreshedAt(Long refreshedAt) {
        this.refreshedAt = refreshedAt;
    }
}
