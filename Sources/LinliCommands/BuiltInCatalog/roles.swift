// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let roles = (
        name: "roles.yaml",
        text: ####"""
        # Roles given and taken back in chat by the community office (SERVICES.md §5):
        # kept in the database over the community file, effective at once. Data, not code:
        # the parser's words and the help text come from here, and every example is run as a test.
        family: roles
        help: {rank: 10, title: {en: Roles, zh: 角色}}
        commands:
          - id: role
            words: {en: [role], zh: [任命, 设置角色]}
            roles: [staff]
            args:
              - name: person
                type: word
                prompt: {en: "Who? e.g. u-wang, a name or an @mention", zh: "任命谁？例如 u-wang、姓名或 @某人"}
              - name: role
                type: role
                prompt: {en: "Which role: captain, grid_leader, volunteer, party_member or mediator?", zh: "什么角色：楼栋长、网格长、志愿者、党员还是调解员？"}
              - {name: scope, type: word, optional: true}
            usage: {en: "role <person> <role> [building|grid]", zh: "任命 <人员> <角色> [楼栋|网格]"}
            summary: {en: "make someone a captain, grid leader, volunteer, party member or mediator", zh: "任命楼栋长、网格长、志愿者、党员或调解员"}
            examples:
              - {say: role u-li captain b1, args: {person: u-li, role: captain, scope: b1}}
              - {say: role u-bo volunteer, args: {person: u-bo, role: volunteer}}
              - {say: 任命 李阿姨 楼栋长 1栋, args: {person: 李阿姨, role: captain, scope: 1栋}}
              - {say: 设置角色 张博 调解员, args: {person: 张博, role: mediator}}

          - id: unrole
            words: {en: [unrole], zh: [免去, 撤销角色]}
            roles: [staff]
            args:
              - name: person
                type: word
                prompt: {en: "Whose role? e.g. u-wang, a name or an @mention", zh: "免去谁的角色？例如 u-wang、姓名或 @某人"}
              - name: role
                type: role
                prompt: {en: "Which role: captain, grid_leader, volunteer, party_member or mediator?", zh: "什么角色：楼栋长、网格长、志愿者、党员还是调解员？"}
              - {name: scope, type: word, optional: true}
            usage: {en: "unrole <person> <role> [building|grid]", zh: "免去 <人员> <角色> [楼栋|网格]"}
            summary: {en: "take a role back", zh: "免去某人的角色"}
            examples:
              - {say: unrole u-vol volunteer, args: {person: u-vol, role: volunteer}}
              - {say: 免去 刘队长 楼栋长, args: {person: 刘队长, role: captain}}
              - {say: 撤销角色 方志愿 志愿者, args: {person: 方志愿, role: volunteer}}

          - id: roles
            words: {en: [roles], zh: [角色, 角色列表]}
            roles: [staff]
            usage: {en: roles, zh: 角色}
            summary: {en: "who holds which role now, and the changes made in chat", zh: "现在谁担任什么角色，以及群里的任免记录"}
            examples:
              - {say: roles, args: {}}
              - {say: 角色, args: {}}

        """####
    )
}
