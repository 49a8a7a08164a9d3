import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { configureApi } from './api'
import { createAppRouter } from './router'
import { useAuthStore } from './stores/auth'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

const auth = useAuthStore(pinia)
auth.restore()
const router = createAppRouter()

configureApi({
  token: () => auth.session?.token ?? null,
  // a token the services no longer accept ends the session; App.vue then shows the login page
  onUnauthorized: () => auth.logout('expired'),
})

app.use(router)
app.mount('#app')
