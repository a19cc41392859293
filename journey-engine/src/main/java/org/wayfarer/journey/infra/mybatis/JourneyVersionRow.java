package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A {@code journey_version} row: one frozen, published definition. Its {@code version} is the published version
 * number, not an optimistic-locking revision, so it carries no {@code @Version}. Instants are epoch milliseconds.
 */
@TableName("journey_version")
public class JourneyVersionRow {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private Long journeyId;
    private Integer version;
    private String triggerEvent;
    private String definitionJson;
    private Boolean accepting;
    private Long publishedAt;

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

    public Long getJourneyId() {
        return journeyId;
    }

    public void setJourneyId(Long journeyId) {
        this.journeyId = journeyId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getTriggerEvent() {
        return triggerEvent;
    }

    public void setTriggerEvent(String triggerEvent) {
        this.triggerEvent = triggerEvent;
    }

    public String getDefinitionJson() {
        return definitionJson;
    }

    public void setDefinitionJson(String definitionJson) {
        this.definitionJson = definitionJson;
    }

    public Boolean getAccepting() {
        return accepting;
    }

    public void setAccepting(Boolean accepting) {
        this.accepting = accepting;
    }

    public Long getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Long publishedAt) {
        this.publishedAt = publishedAt;
    }
}
