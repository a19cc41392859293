package org.wayfarer.channel.wechat.send;

import static org.wayfarer.channel.wechat.send.MessageFields.optional;
import static org.wayfarer.channel.wechat.send.MessageFields.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.wayfarer.journey.channel.Delivery;

/**
 * Builds the WxJava customer-service (kefu) message for a delivery. Message keys by {@code msgtype}:
 * <ul>
 *   <li>{@code text}: {@code content};</li>
 *   <li>{@code news}: {@code articles} [{@code {title, description, url, picurl}}], one to eight;</li>
 *   <li>{@code image}: {@code mediaId};</li>
 *   <li>{@code miniprogrampage}: {@code title}, {@code appid}, {@code pagepath}, {@code thumbMediaId};</li>
 *   <li>{@code wxcard}: {@code cardId}.</li>
 * </ul>
 * Anything else, or a missing field, is refused with the key named: WeChat would refuse it too, after a call.
 */
final class KefuMessages {

    /** WeChat shows at most eight articles in one news message. */
    static final int MAX_ARTICLES = 8;

    private KefuMessages() {
    }

    /** @throws IllegalArgumentException naming the offending key when the message is not a valid kefu message */
    static WxMpKefuMessage build(Delivery delivery) {
        if (delivery.recipient() == null || delivery.recipient().isBlank()) {
            throw new IllegalArgumentException("recipient openid is required");
        }
        Map<String, Object> message = delivery.message();
        String msgType = field(message, "msgtype");
        String to = delivery.recipient();
        return switch (msgType) {
            case "text" -> WxMpKefuMessage.TEXT().toUser(to).content(field(message, "content")).build();
            case "news" -> WxMpKefuMessage.NEWS().toUser(to).articles(articles(message.get("articles"))).build();
            case "image" -> WxMpKefuMessage.IMAGE().toUser(to).mediaId(field(message, "mediaId")).build();
            case "miniprogrampage" -> WxMpKefuMessage.MINIPROGRAMPAGE().toUser(to)
                    .title(field(message, "title"))
                    .appId(field(message, "appid"))
                    .pagePath(field(message, "pagepath"))
                    .thumbMediaId(field(message, "thumbMediaId"))
                    .build();
            case "wxcard" -> WxMpKefuMessage.WXCARD().toUser(to).cardId(field(message, "cardId")).build();
            default -> throw new IllegalArgumentException("msgtype '" + msgType + "' is not one of text, news, image,"
                    + " miniprogrampage, wxcard");
        };
    }

    private static List<WxMpKefuMessage.WxArticle> articles(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("articles must be a list of one to " + MAX_ARTICLES + " articles");
        }
        if (list.size() > MAX_ARTICLES) {
            throw new IllegalArgumentException("articles has " + list.size() + " articles; WeChat shows at most "
                    + MAX_ARTICLES);
        }
        List<WxMpKefuMessage.WxArticle> articles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> article)) {
                throw new IllegalArgumentException("articles[" + i + "] must be an object {title, description, url,"
                        + " picurl}");
            }
            String prefix = "articles[" + i + "].";
            articles.add(new WxMpKefuMessage.WxArticle(required(article, "title", prefix),
                    optional(article, "description", prefix), required(article, "url", prefix),
                    optional(article, "picurl", prefix)));
        }
        return articles;
    }

    private static String field(Map<?, ?> map, String key) {
        return required(map, key, "");
    }
}
