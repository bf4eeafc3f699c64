"""The LLM brain: litellm client, retry policy, prompts, streaming and judge. Importing this package is cheap;
litellm itself is imported only by `agent.llm.runtime.litellm()`."""
