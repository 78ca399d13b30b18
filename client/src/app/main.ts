import urql from '@urql/vue';
import { createPinia } from 'pinia';
import { createApp, watch } from 'vue';
import { useSessionStore } from '@/features/auth/stores/session.store';
import App from './App.vue';
import { graphqlClient, setUnauthenticatedHandler } from './graphql-client';
import { applyLocale, i18n } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(urql, graphqlClient);
const router = createAppRouter();
app.use(router);

// Keep <html lang> and the saved choice in step with the interface language.
applyLocale(i18n.global.locale.value, false);
const session = useSessionStore(pinia);
watch(
  () => i18n.global.locale.value,
  (locale) => applyLocale(locale),
);

// A session that ends on the server (expired, revoked) sends the person back to sign in.
setUnauthenticatedHandler(() => {
  if (!session.me) return;
  session.sessionEnded();
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath } });
});

void router.isReady().then(() => app.mount('#app'));
