package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

/** A {@code journey_instance} row, including its durable timer and timer lease. Instants are epoch milliseconds. */
@TableName("journey_instance")
public class JourneyInstanceRow {

    @TableId(type = IdType.INPUT)
    private Long id;
    private Long tenantId;
    private Long journeyId;
    private Integer journeyVersion;
    private Long contactId;
    private String entryKey;
    private Long triggerEventId;
    private String status;
    private String currentNode;
    private Integer seq;
    private Long wakeAt;
    private String leaseOwner;
    private Long leaseUntil;
    private Long enteredAt;
    private Long updatedAt;
    private Long endedAt;
    private String endReason;
    private String contextJson;
    @Version
    private Integer version;

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

    public Integer getJourneyVersion() {
        return journeyVersion;
    }

    public void setJourneyVersion(Integer journeyVersion) {
        this.journeyVersion = journeyVersion;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public String getEntryKey() {
        return entryKey;
    }

    public void setEntryKey(String entryKey) {
        this.entryKey = entryKey;
    }

    public Long getTriggerEventId() {
        return triggerEventId;
    }

    public void setTriggerEventId(Long triggerEventId) {
        this.triggerEventId = triggerEventId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getCurrentNode() {
        return currentNode;
    }

    public void setCurrentNode(String currentNode) {
        this.currentNode = currentNode;
    }

    public Integer getSeq() {
        return seq;
    }

    public void setSeq(Integer seq) {
        this.seq = seq;
    }

    public Long getWakeAt() {
        return wakeAt;
    }

    public void setWakeAt(Long wakeAt) {
        this.wakeAt = wakeAt;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public void setLeaseOwner(String leaseOwner) {
        this.leaseOwner = leaseOwner;
    }

    public Long getLeaseUntil() {
        return leaseUntil;
    }

    public void setLeaseUntil(Long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public Long getEnteredAt() {
        return enteredAt;
    }

    public void setEnteredAt(Long enteredAt) {
        this.enteredAt = enteredAt;
    }

    public Long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Long endedAt) {
        this.endedAt = endedAt;
    }

    public String getEndReason() {
        return endReason;
    }

    public void setEndReason(String endReason) {
        this.endReason = endReason;
    }

    public String getContextJson() {
        return contextJson;
    }

    public void setContextJson(String contextJson) {
        this.contextJson = contextJson;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
