package fr.paris.casvp.guichet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aBurstPassesThenTheNextRequestIsToldHowLongToWait() {
        RateLimits.TokenBucket bucket = new RateLimits.TokenBucket(new RateLimits.Bucket(0.001, 3));

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.isFull()).isFalse();

        // At 0.001 token per second, the next token is about 1 000 s away.
        assertThat(bucket.take()).isGreaterThan(Duration.ofSeconds(900));
    }

    @Test
    void eachOfSeveralInstancesAppliesItsShareOfTheLimit() {
        RateLimits.Bucket limit = new RateLimits.Bucket(50, 200);

        assertThat(limit.sharedBy(1)).isEqualTo(limit);
        assertThat(limit.sharedBy(4)).isEqualTo(new RateLimits.Bucket(12.5, 50));
        assertThat(new RateLimits.Bucket(10, 3).sharedBy(5).burst()).as("never a bucket that refuses everything").isEqualTo(1);
    }

    @Test
    void anUntouchedBucketIsFull() {
        assertThat(new RateLimits.TokenBucket(new RateLimits.Bucket(10, 5)).isFull()).isTrue();
    }

    /** Issue #33: the public lookups' memory grew by one bucket per number tried, even when answered 429. */
    @Test
    void bucketsByKeyStayBoundedAndAFloodOfNewKeysIsRefusedNotStored() {
        RateLimits.Buckets buckets = new RateLimits.Buckets();
        RateLimits.Bucket slow = new RateLimits.Bucket(0.0001, 1);
        for (int i = 0; i < RateLimits.Buckets.MAX_KEYS; i++) {
            assertThat(buckets.take("client " + i, slow)).isZero();
        }

        assertThat(buckets.take("newcomer", slow)).as("no room: every bucket is in use").isPositive();
        assertThat(buckets.size()).isEqualTo(RateLimits.Buckets.MAX_KEYS);
        assertThat(buckets.wouldWait("client 1")).isTrue();
        assertThat(buckets.wouldWait("never seen")).isFalse();

        RateLimits.Buckets idle = new RateLimits.Buckets();
        for (int i = 0; i < RateLimits.Buckets.MAX_KEYS; i++) {
            idle.take("client " + i, new RateLimits.Bucket(1e9, 1));
        }
        assertThat(idle.take("newcomer", slow)).as("the idle clients' full buckets make room").isZero();
        assertThat(idle.size()).isEqualTo(1);
    }
}
