import ChatOpsCommands

ChatOpsCommand.main()
