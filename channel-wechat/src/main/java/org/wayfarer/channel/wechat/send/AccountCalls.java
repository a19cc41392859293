package org.wayfarer.channel.wechat.send;

import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.wayfarer.channel.wechat.account.MpAccount;
import org.wayfarer.channel.wechat.account.WxMpServices;
import org.wayfarer.journey.channel.SendReceipt;

/**
 * One WeChat API call through a delivery's official account, as every sender makes it: the account looked up (a
 * store failure is retried, an AppID nobody connected is refused), one HTTP attempt, and WxJava's errors mapped to
 * receipts by {@link TemplateReceipts}. Never throws for provider or I/O errors.
 */
final class AccountCalls {

    /** The call itself, on the account's {@code WxMpService}. */
    interface Call {
        SendReceipt on(MpAccount account) throws WxErrorException;
    }

    /** What to make of a WeChat error before it is returned (e.g. to record a refusal); returns the receipt. */
    interface OnError {
        SendReceipt seen(SendReceipt receipt);
    }

    private AccountCalls() {
    }

    static SendReceipt call(WxMpServices services, String appId, Call call) {
        return call(services, appId, call, receipt -> receipt);
    }

    static SendReceipt call(WxMpServices services, String appId, Call call, OnError onError) {
        Optional<MpAccount> account;
        try {
            account = services.find(appId);
        } catch (RuntimeException e) {
            // the account store (database) failed: nothing was sent
            return new SendReceipt.RetryLater("account_lookup",
                    "account lookup failed: " + e.getClass().getSimpleName(), TemplateReceipts.NOT_SENT_RETRY);
        }
        if (account.isEmpty()) {
            return new SendReceipt.Rejected("unknown_account", "official account " + appId + " is not connected");
        }
        try {
            return call.on(account.get());
        } catch (WxErrorException e) {
            return onError.seen(TemplateReceipts.of(e));
        } catch (WxRuntimeException e) {
            // Only getAccessToken throws this on our single-attempt service: the request never left.
            return TemplateReceipts.tokenUnavailable(e);
        } catch (RuntimeException e) {
            // e.g. an answer without errcode or msgid: the request reached WeChat, whether it was taken is unknown
            return new SendReceipt.Unknown("unexpected " + e.getClass().getSimpleName() + " after sending");
        }
    }
}
