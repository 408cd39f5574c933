import { MemoryEventStore } from "@entre-pairs/core"
import { contract } from "./contract.js"

contract("memory", () => MemoryEventStore.layer)
