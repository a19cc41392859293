package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wayfarer.channel.wechat.testing.WeChatCallbacks;

/** Safe-mode decryption of tampered ciphertexts that carry a correct msg_signature, so they reach the decrypt step. */
class MpCallbackCryptoTest {

    private static final String APP_ID = "wx00000000000000b2";
    private static final String TOKEN = "safeToken2";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String TIMESTAMP = "1772352000";
    private static final String NONCE = "1234567890";
    private static final String XML = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]>"
            + "</FromUserName><CreateTime>1772352000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            + "<Event><![CDATA[subscribe]]></Event></xml>";
    private static final int XML_LENGTH = XML.getBytes(StandardCharsets.UTF_8).length;
    private static final long ONE_MIB = 1 << 20;

    @BeforeAll
    static void warmUp() throws Exception {
        // loads the JCE and XML classes so that the allocation measured below is the decryption's alone
        open(WeChatCallbacks.cipherText(AES_KEY, APP_ID, "0123456789abcdef", bytes(XML), XML_LENGTH));
    }

    @Test
    void opensACiphertextBuiltAsWeChatBuildsIt() throws Exception {
        String encrypt = WeChatCallbacks.cipherText(AES_KEY, APP_ID, "0123456789abcdef", bytes(XML), XML_LENGTH);

        assertThat(open(encrypt)).isEqualTo(XML);
    }

    @Test
    void opensAnEmptyDocumentAndMultiByteText() throws Exception {
        String chinese = "<xml><Content><![CDATA[我要优惠券]]></Content></xml>";

        assertThat(open(WeChatCallbacks.cipherText(AES_KEY, APP_ID, "0123456789abcdef", new byte[0], 0))).isEmpty();
        assertThat(open(WeChatCallbacks.cipherText(AES_KEY, APP_ID, "0123456789abcdef", bytes(chinese),
                bytes(chinese).length))).isEqualTo(chinese);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MAX_VALUE - 20, Integer.MAX_VALUE, 1 << 28, -1, Integer.MIN_VALUE})
    void refusesADeclaredLengthTheDecryptedBufferCannotHoldWithoutAllocatingIt(int declaredLength) {
        assertRefusedCheaply(declaredLength);
    }

    @Test
    void refusesADeclaredLengthOneByteBeyondTheBuffer() {
        // the buffer holds the XML and the AppID after it: one byte more than both is past its end
        assertRefusedCheaply(XML_LENGTH + APP_ID.length() + 1);
    }

    private static void assertRefusedCheaply(int declaredLength) {
        String encrypt = WeChatCallbacks.cipherText(AES_KEY, APP_ID, "0123456789abcdef", bytes(XML), declaredLength);
        long before = allocatedBytes();

        assertThatThrownBy(() -> open(encrypt)).isInstanceOfSatisfying(CallbackRejectedException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.reason()).doesNotContain("subscribe");
        });
        assertThat(allocatedBytes() - before).as("bytes allocated while refusing").isLessThan(ONE_MIB);
    }

    @Test
    void refusesEncryptThatIsNotBase64OrNotWholeAesBlocks() {
        for (String encrypt : new String[] {"not base64!", "****", "QUJD=x", b64(new byte[31]), b64(new byte[16]),
                b64(new byte[15])}) {
            assertThatThrownBy(() -> open(encrypt)).as(encrypt).isInstanceOfSatisfying(
                    CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void refusesPaddingOutsideWhatWeChatWrites() throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.IvParameterSpec(key, 0, 16));
        byte[] plain = new byte[32];
        plain[31] = 33;

        assertThatThrownBy(() -> open(b64(cipher.doFinal(plain)))).isInstanceOfSatisfying(
                CallbackRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static String open(String encrypt) throws CallbackRejectedException {
        String envelope = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
        return MpCallbackCrypto.open(config(), TIMESTAMP, NONCE, SHA1.gen(TOKEN, TIMESTAMP, NONCE, encrypt),
                envelope);
    }

    private static WxMpDefaultConfigImpl config() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(APP_ID);
        config.setToken(TOKEN);
        config.setAesKey(AES_KEY);
        return config;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
