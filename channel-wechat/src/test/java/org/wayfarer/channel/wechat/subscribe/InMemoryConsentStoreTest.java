package org.wayfarer.channel.wechat.subscribe;

import org.wayfarer.channel.wechat.testapp.InMemoryConsentStore;

/** The in-memory double the unit tests use, held to the adapters' contract. */
class InMemoryConsentStoreTest extends ConsentStoreContract {

    private final InMemoryConsentStore store = new InMemoryConsentStore();

    @Override
    ConsentStore store() {
        return store;
    }
}
