import ChatOpsCommands

await ChatOpsCommand.runAsRoot()
