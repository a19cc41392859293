package org.wayfarer.journey.infra.mybatis;

import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A {@code journey_counter} row: one hourly analytics bucket ({@code bucket} is the hour's start in epoch
 * milliseconds). The key is composite (journey, node, metric, bucket, shard), which MyBatis-Plus cannot model as a
 * {@code @TableId}, so its mapper is hand-written SQL only.
 */
@TableName("journey_counter")
public class JourneyCounterRow {

    private Long tenantId;
    private Long journeyId;
    private String nodeId;
    private String metric;
    private Long bucket;
    private Integer shard;
    private Long amount;

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

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public Long getBucket() {
        return bucket;
    }

    public void setBucket(Long bucket) {
        this.bucket = bucket;
    }

    public Integer getShard() {
        return shard;
    }

    public void setShard(Integer shard) {
        this.shard = shard;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }
}
