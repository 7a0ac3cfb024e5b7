package app.rapport.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The cache forgets a key after its time to live, at an eviction, and the least recently used beyond its bound. */
class KeyCacheTest {

    final AtomicLong now = new AtomicLong(1_000);
    final KeyCache cache = new KeyCache(2, Duration.ofSeconds(30), now::get);

    @Test
    void aKey_isKnownUntilItsTimeToLiveEnds() {
        cache.put("contact:a", key(1));

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get("contact:a").key()).isEqualTo(key(1));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("contact:a")).isNull();
    }

    @Test
    void aSubjectWithoutAKey_isRememberedAsSuch() {
        cache.put("contact:a", null);

        assertThat(cache.get("contact:a")).isNotNull();
        assertThat(cache.get("contact:a").key()).isNull();
        assertThat(cache.get("contact:b")).isNull();
    }

    @Test
    void anEvictedKey_isForgottenAtOnce() {
        cache.put("contact:a", key(1));

        cache.evict("contact:a");

        assertThat(cache.get("contact:a")).isNull();
    }

    @Test
    void beyondItsBound_theLeastRecentlyUsedKeyGoesFirst() {
        cache.put("contact:a", key(1));
        cache.put("contact:b", key(2));
        cache.get("contact:a");

        cache.put("contact:c", key(3));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("contact:b")).isNull();
        assertThat(cache.get("contact:a").key()).isEqualTo(key(1));
        assertThat(cache.get("contact:c").key()).isEqualTo(key(3));
    }

    @Test
    void aTimeToLiveOfZero_cachesNothing() {
        KeyCache off = new KeyCache(10, Duration.ZERO, now::get);

        off.put("contact:a", key(1));

        assertThat(off.get("contact:a")).isNull();
    }

    private static SecretKey key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new SecretKeySpec(bytes, KeyStore.AES);
    }
}
