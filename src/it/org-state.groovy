// The data-actions organization an emulator left in its state file (evaluated by the verify.groovy
// of the ITs that keep one): returns a closure that reads a state file and counts what it holds by
// name, the settled truth whatever lag the emulator showed: [credentials: [name: count],
// integrations: [name: count], actions: [name: count], integrationOf: [action name: [integration ids]]].
import groovy.json.JsonSlurper

return { File stateFile ->
    def org = new JsonSlurper().parse(stateFile).dataActions
    def count = { list, name -> list.countBy(name) }
    def published = org.actions.findAll { it.published }
    [credentials  : count(org.credentials) { it.name },
     integrations : count(org.integrations) { it.config.name },
     actions      : count(published) { it.published.name },
     integrationOf: published.groupBy { it.published.name }.collectEntries { name, all -> [name, all*.integrationId] },
     integrationIds: org.integrations*.id]
}
