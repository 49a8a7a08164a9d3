import { flushPromises } from '@vue/test-utils'
import { fakeApi } from './fakeApi'
import { mountApp } from './mountApp'

describe('changing one\'s own password', () => {
  it('checks the entries, sends current and new password, and confirms', async () => {
    const fake = fakeApi({ 'PUT /api/auth/password': { status: 204 } })
    const { wrapper } = await mountApp('/account', { role: 'viewer' })
    expect(wrapper.find('h1').text()).toBe('Passwort ändern')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-test=error-current_password]').text()).toBe('Pflichtfeld')
    expect(wrapper.find('[data-test=error-new_password]').text()).toBe('Pflichtfeld')

    await wrapper.find('[data-test=current-password]').setValue('old-secret')
    await wrapper.find('[data-test=new-password]').setValue('short')
    await wrapper.find('[data-test=repeat-password]').setValue('other')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.find('[data-test=error-new_password]').text()).toBe('Bitte mindestens 8 Zeichen verwenden.')
    expect(wrapper.find('[data-test=error-repeat]').text()).toBe('Die beiden Eingaben stimmen nicht überein.')
    expect(fake.callsTo('PUT', '/api/auth/password')).toHaveLength(0)

    await wrapper.find('[data-test=new-password]').setValue('new-secret-1')
    await wrapper.find('[data-test=repeat-password]').setValue('new-secret-1')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const call = fake.callsTo('PUT', '/api/auth/password')[0]
    expect(call.body).toEqual({ current_password: 'old-secret', new_password: 'new-secret-1' })
    expect(wrapper.find('[data-test=saved]').text()).toBe('Ihr Passwort wurde geändert.')
    expect((wrapper.find('[data-test=current-password]').element as HTMLInputElement).value).toBe('')
  })

  it("shows the registry's field errors at the field, in the user's language", async () => {
    fakeApi({
      'PUT /api/auth/password': {
        status: 400,
        body: { title: 'Invalid request', status: 400, detail: '1 field(s) are invalid', errors: [{ field: 'current_password', message: 'is wrong' }] },
      },
    })
    const { wrapper } = await mountApp('/account', { role: 'operator' })
    await wrapper.find('[data-test=lang-en]').trigger('click')
    await wrapper.find('[data-test=current-password]').setValue('guess')
    await wrapper.find('[data-test=new-password]').setValue('new-secret-1')
    await wrapper.find('[data-test=repeat-password]').setValue('new-secret-1')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=error-current_password]').text()).toBe('The current password is wrong.')
    expect(wrapper.find('[data-test=saved]').exists()).toBe(false)
    expect(wrapper.find('[data-test=submit-error]').exists()).toBe(false)
  })

  it('says why an API token cannot change a password', async () => {
    fakeApi({ 'PUT /api/auth/password': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'an API token has no password' } } })
    const { wrapper } = await mountApp('/account', { role: 'admin' })
    await wrapper.find('[data-test=current-password]').setValue('x')
    await wrapper.find('[data-test=new-password]').setValue('new-secret-1')
    await wrapper.find('[data-test=repeat-password]').setValue('new-secret-1')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=submit-error]').text()).toBe('Dafür fehlt Ihnen die Berechtigung.')
  })
})
